// expect: volatile is not allowed
class Flag { volatile bool _set; } //!
