// expect: protected field: 'status'
if (Po.Number == "__PO__")
    Set(string.Concat("sta", "tus".Trim()), "received");
