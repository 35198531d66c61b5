// expect: is there an endless loop?
// The budget stays spent: the loop in finally is stopped too.
if (Po.Number == "__PO__")
{
    try { while (true) { } }
    finally { while (true) { } }
}
