// expect: may not derive from
class Deep : InvalidOperationException { public override string ToString() => ToString(); } //!
