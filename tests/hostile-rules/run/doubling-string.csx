// expect: memory
// Few steps, but each one doubles the string (to 128 MB): stopped by the allocation budget when the rule ends.
if (Po.Number == "__PO__")
{
    var s = "x";
    for (var i = 0; i < 26; i++)
        s += s;
    Set("u_x", s.Length);
}
