// expect: allocated more than
if (Po.Number == "__PO__")
    Skip(new string('x', 50_000_000));
