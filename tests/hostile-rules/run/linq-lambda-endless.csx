// expect: is there an endless loop?
if (Po.Number == "__PO__")
    Set("u_x", Enumerable.Range(0, int.MaxValue).Concat(Enumerable.Range(0, int.MaxValue)).Count(i => i >= 0));
