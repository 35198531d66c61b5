// expect: is there an endless loop?
if (Po.Number == "__PO__")
    while (true) { }
