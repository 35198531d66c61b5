// expect: watchdog
// One rule step per 2 billion framework iterations: the step budget never trips. The watchdog ends the process and the
// supervisor restarts it without this PO.
if (Po.Number == "__PO__")
    Set("u_x", Enumerable.Repeat(Enumerable.Repeat(0, int.MaxValue), int.MaxValue).SelectMany(x => x).Sum());
