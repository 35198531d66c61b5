// expect: is there an endless loop?
// The connector's own Join enumerates the rule's endless sequence: still inside the evaluation, still metered.
IEnumerable<string> Forever() { while (true) yield return "x"; }
if (Po.Number == "__PO__")
    Set("u_x", Join(Forever()));
