// expect: allocate more memory than the process may use
// 2.4 GB in one array (used, so the JIT cannot drop it): above the process's GC heap limit.
if (Po.Number == "__PO__")
{
    var a = new long[300_000_000];
    a[Po.Number.Length] = 7;
    Set("u_x", (int)a[Po.Number.Length]);
}
