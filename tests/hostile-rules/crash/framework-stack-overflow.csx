// expect: the process died
// 200,000 nested Distinct iterators: counting them recurses inside the framework, where no rule code runs to check
// the stack, and a stack overflow cannot be caught in .NET. The supervisor restarts the process without this PO.
if (Po.Number == "__PO__")
{
    IEnumerable<int> e = new[] { 1 };
    for (var i = 0; i < 200_000; i++)
        e = e.Distinct();
    Set("u_x", e.Count());
}
