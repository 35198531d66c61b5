// expect: recursed too deeply
class Link { public Link? Next; public override string ToString() => "link>" + Next; }
if (Po.Number == "__PO__")
{
    var a = new Link();
    a.Next = a;
    Set("u_x", a.ToString());
}
