// expect: is there an endless loop?
if (Po.Number == "__PO__")
{
    try { throw new FormatException("x"); }
    catch (FormatException) { while (true) { } }
}
