// expect: NullReferenceException
if (Po.Number == "__PO__")
    throw null!;
