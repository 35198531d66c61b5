// expect: InvalidOperationException: no text
class Odd { public override string ToString() => throw new InvalidOperationException("no text"); }
if (Po.Number == "__PO__")
    Set("u_x", $"{new Odd()}");
