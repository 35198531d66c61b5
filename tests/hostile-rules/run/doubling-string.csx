// expect: memory
// Few steps, but each one doubles the string: stopped by the allocation budget or the heap limit, whichever comes first.
if (Po.Number == "__PO__")
{
    var s = "x";
    for (var i = 0; i < 40; i++)
        s += s;
    Set("u_x", s.Length);
}
