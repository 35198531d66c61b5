// expect: is there an endless loop?
// Query clauses are compiled to lambdas the author never wrote: they are metered too.
if (Po.Number == "__PO__")
{
    var n = (from i in Enumerable.Range(0, int.MaxValue) where i < 0 select i).Count();
    Set("u_x", n);
}
