// expect: FormatException
// A budget stop inside an exception filter counts as "filter false"; the rule still fails, and only for this PO.
bool Spin() { while (true) { } }
if (Po.Number == "__PO__")
{
    try { throw new FormatException("filtered"); }
    catch (FormatException) when (Spin()) { }
}
