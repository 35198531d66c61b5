namespace OrderStatusFlow.Emulators.ServiceNow;

/// <summary>
/// The instance's rows, guarded by one lock; every read hands out copies. A query that requires a field to be one of
/// a set of values (<c>fieldIN…</c> or <c>field=…</c>) looks the rows up in an index of that field (built on first
/// use, kept current by every write), as the instance's database would, instead of testing every row: the bench's
/// line reads (100 POs' lines out of 60,000) made table scans most of the emulator's CPU.
/// </summary>
sealed class TableStore
{
    readonly object _gate = new();
    // table -> field -> value -> positions of the rows holding it.
    readonly Dictionary<string, Dictionary<string, Dictionary<string, HashSet<int>>>> _indexes = new(StringComparer.Ordinal);
    readonly Dictionary<string, Dictionary<string, int>> _positions = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<Dictionary<string, string>>> _tables = new(StringComparer.Ordinal);
    readonly Dictionary<string, HashSet<string>> _columns = new(StringComparer.Ordinal);
    readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> _bySysId = new(StringComparer.Ordinal);

    public TableStore(Dictionary<string, List<Dictionary<string, string>>> tables)
    {
        foreach (var (name, rows) in tables)
        {
            var copies = rows.Select(r => new Dictionary<string, string>(r, StringComparer.Ordinal)).ToList();
            var columns = new HashSet<string>(copies.SelectMany(r => r.Keys), StringComparer.Ordinal) { "sys_id", "sys_updated_on", "sys_mod_count" };
            foreach (var row in copies)
                foreach (var column in columns)
                    row.TryAdd(column, column == "sys_mod_count" ? "0" : "");
            _tables[name] = copies;
            _columns[name] = columns;
            _bySysId[name] = copies.GroupBy(r => r["sys_id"]).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _positions[name] = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < copies.Count; i++)
                _positions[name].TryAdd(copies[i]["sys_id"], i);
            _indexes[name] = new Dictionary<string, Dictionary<string, HashSet<int>>>(StringComparer.Ordinal);
        }
    }

    public bool HasTable(string table) => _tables.ContainsKey(table);

    /// <summary>Columns never change after start, so the set can be read without the lock.</summary>
    public IReadOnlySet<string> Columns(string table) => _columns.TryGetValue(table, out var c) ? c : new HashSet<string>();

    public (int Total, List<Dictionary<string, string>> Page) Query(string table, EncodedQuery query, int offset, int limit)
    {
        lock (_gate)
        {
            var columns = _columns[table];
            var rows = _tables[table];
            IEnumerable<Dictionary<string, string>> candidates = rows;
            if (query.RequiredValues(columns) is { } required)
            {
                var index = Index(table, required.Field);
                var positions = new List<int>();
                foreach (var value in required.Values)
                    if (index.TryGetValue(value, out var at))
                        positions.AddRange(at);
                positions.Sort();
                candidates = positions.Select(p => rows[p]);
            }
            var matching = query.Sort(candidates.Where(r => query.Matches(r, columns))).ToList();
            var page = matching.Skip(Math.Max(0, offset)).Take(limit).Select(r => new Dictionary<string, string>(r)).ToList();
            return (matching.Count, page);
        }
    }

    public Dictionary<string, string>? Get(string table, string sysId)
    {
        lock (_gate)
            return Find(table, sysId) is { } row ? new Dictionary<string, string>(row) : null;
    }

    /// <summary>Applies the writable values; returns the record after the write, what changed and what was ignored.</summary>
    public (Dictionary<string, string> Record, Dictionary<string, string> Changed, List<string> Ignored)? Patch(
        string table, string sysId, IReadOnlyDictionary<string, string> values, Func<string, bool> isReadOnly, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Find(table, sysId) is not { } row)
                return null;
            var changed = new Dictionary<string, string>(StringComparer.Ordinal);
            var ignored = new List<string>();
            foreach (var (field, value) in values)
            {
                if (isReadOnly(field) || !_columns[table].Contains(field))
                    ignored.Add(field);
                else if (row[field] != value)
                    changed[field] = Set(table, sysId, row, field, value);
            }
            Set(table, sysId, row, "sys_updated_on", now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"));
            Set(table, sysId, row, "sys_mod_count", (int.TryParse(row["sys_mod_count"], out var n) ? n + 1 : 1).ToString());
            return (new Dictionary<string, string>(row), changed, ignored);
        }
    }

    /// <summary>
    /// Adds a record, as a user creating it in the instance would (no API request). Only the table's columns may be
    /// set; the others start empty.
    /// </summary>
    public void Insert(string table, IReadOnlyDictionary<string, string> values, DateTimeOffset now)
    {
        if (!_tables.TryGetValue(table, out var rows))
            throw new ArgumentException($"The emulated instance has no table '{table}'; declare it in the scenario's tables.", nameof(table));
        var unknown = values.Keys.Where(k => !_columns[table].Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Table '{table}' has no column(s) {string.Join(", ", unknown)}; a scenario row of the table must name every column.", nameof(values));
        if (!values.TryGetValue("sys_id", out var sysId) || sysId.Length == 0)
            throw new ArgumentException($"A record inserted into '{table}' needs a sys_id.", nameof(values));
        lock (_gate)
        {
            if (_bySysId[table].ContainsKey(sysId))
                throw new ArgumentException($"Table '{table}' already holds a record with sys_id {sysId}.", nameof(values));
            var row = _columns[table].ToDictionary(c => c, c => c == "sys_mod_count" ? "0" : "", StringComparer.Ordinal);
            foreach (var (field, value) in values)
                row[field] = value;
            row["sys_updated_on"] = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss");
            rows.Add(row);
            _bySysId[table][sysId] = row;
            _positions[table][sysId] = rows.Count - 1;
            foreach (var (field, index) in _indexes[table])
                Add(index, row[field], rows.Count - 1);
        }
    }

    // Callers hold the lock.
    Dictionary<string, HashSet<int>> Index(string table, string field)
    {
        if (_indexes[table].TryGetValue(field, out var index))
            return index;
        index = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var rows = _tables[table];
        for (var i = 0; i < rows.Count; i++)
            Add(index, rows[i].GetValueOrDefault(field, ""), i);
        return _indexes[table][field] = index;
    }

    // Every change to a stored row goes through here, so an index on the field follows it.
    string Set(string table, string sysId, Dictionary<string, string> row, string field, string value)
    {
        if (_indexes[table].TryGetValue(field, out var index) && _positions[table].TryGetValue(sysId, out var position))
        {
            if (index.TryGetValue(row.GetValueOrDefault(field, ""), out var old))
                old.Remove(position);
            Add(index, value, position);
        }
        return row[field] = value;
    }

    static void Add(Dictionary<string, HashSet<int>> index, string value, int position)
    {
        if (!index.TryGetValue(value, out var at))
            index[value] = at = [];
        at.Add(position);
    }

    Dictionary<string, string>? Find(string table, string sysId) =>
        _bySysId.TryGetValue(table, out var rows) ? rows.GetValueOrDefault(sysId) : null;
}
