// expect: events are not allowed
class Source { public event Action? Fired; } //!
