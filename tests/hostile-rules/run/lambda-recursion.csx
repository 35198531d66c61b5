// expect: recursed too deeply
Func<int, int> f = null!;
f = n => f(n + 1);
if (Po.Number == "__PO__")
    f(0);
