// expect: InvalidOperationException: level | time budget
// ToString of this chain recurses 20,000 levels deep; the connector only ever reads the outer message.
if (Po.Number == "__PO__")
{
    Exception e = new InvalidOperationException("level");
    for (var i = 0; i < 20_000; i++)
        e = new InvalidOperationException("level", e);
    throw e;
}
