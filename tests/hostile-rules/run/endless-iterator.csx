// expect: is there an endless loop?
IEnumerable<int> Forever() { while (true) yield return 1; }
if (Po.Number == "__PO__")
    Set("u_x", Forever().Count());
