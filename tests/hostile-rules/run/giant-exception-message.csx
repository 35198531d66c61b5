// expect: ArgumentException: xxxxxxxx
if (Po.Number == "__PO__")
    throw new ArgumentException(new string('x', 10_000_000));
