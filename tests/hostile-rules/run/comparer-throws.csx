// expect: InvalidOperationException
if (Po.Number == "__PO__")
{
    var l = Enumerable.Range(0, 100).ToList();
    l.Sort((a, b) => throw new FormatException("cmp"));
}
