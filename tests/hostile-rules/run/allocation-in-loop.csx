// expect: allocated more than | time budget
if (Po.Number == "__PO__")
{
    var kept = new List<string>();
    while (true)
        kept.Add(new string('x', 8192));
}
