// expect: is there an endless loop?
class Key { public override int GetHashCode() { while (true) { } } public override bool Equals(object? o) => false; }
if (Po.Number == "__PO__")
    new HashSet<Key>().Add(new Key());
