// expect: recursed too deeply
class Loop { public int Value => Value + 1; }
if (Po.Number == "__PO__")
    Set("u_x", new Loop().Value);
