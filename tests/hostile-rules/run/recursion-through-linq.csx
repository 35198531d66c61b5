// expect: recursed too deeply
int Deeper(int n) => new[] { n }.Select(x => Deeper(x + 1)).First();
if (Po.Number == "__PO__")
    Deeper(0);
