// expect: protected field: 'number'
if (Po.Number == "__PO__")
    Set("num" + "ber".ToLowerInvariant(), "PO9999999");
