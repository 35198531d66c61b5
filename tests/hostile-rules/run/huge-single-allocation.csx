// expect: allocate more memory than the process may use
// 2 GB in one allocation: above the process's GC heap limit, so it fails at once instead of growing the process.
if (Po.Number == "__PO__")
{
    var big = new string('x', 1_000_000_000);
    Set("u_x", big.Length);
}
