// expect: memory
// One framework call that allocates 100 MB without a rule step in between: failed when the rule ends.
if (Po.Number == "__PO__")
    Set("u_x", new System.Text.StringBuilder().Append('x', 50_000_000).Length);
