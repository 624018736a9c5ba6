namespace LicenseAllocation.Application.Reorganisations;

/// <summary>Where a value sits in the file: a workbook's sheet, row and column, or a JSON file's line and field path.</summary>
internal sealed record FileSpot(int? Row, string? Sheet, string? Column)
{
    /// <summary>In a JSON file, the line of each field by its path, so that a field's problem points at the field's own line.</summary>
    public IReadOnlyDictionary<string, int>? Lines { get; init; }

    public FileSpot At(string? column) =>
        this with { Column = column, Row = column is not null && Lines?.TryGetValue(column, out var line) == true ? line : Row };
}

/// <summary>What a new unit is, as the file says it: the province, one of its agencies, or a commune-level unit.</summary>
internal enum DraftKind
{
    Province,
    Agency,
    Commune,
}

/// <summary>A reorganisation as read from a file, before anything is checked against the portal's units.</summary>
internal sealed record ReorganisationDraft(
    string? Name, FileSpot NameSpot, string? LegalBasis, FileSpot LegalBasisSpot, DateOnly? EffectiveFrom, string? EffectiveFromText, FileSpot EffectiveFromSpot,
    IReadOnlyList<DraftUnit> Units);

/// <summary>A new unit of the file with the old units it is formed from; the spots point at its row and each field.</summary>
internal sealed record DraftUnit(
    FileSpot Spot, DraftKind Kind, string? Code, string? Name, string? AgencyCode, IReadOnlyList<DraftLink> FormedFrom,
    string CodeField, string NameField, string AgencyCodeField);

/// <summary>
/// One old unit a new unit takes over: found in the portal by its code (or by its name when it has none) as it stood the
/// day before the effective date, unless <see cref="Held"/> is false (a predecessor the portal has never held, kept by
/// code and name). <see cref="Share"/> is the part of a split old unit; <see cref="Primary"/> says, as in the shipped
/// agencies file, which successor of a split agency takes it whole.
/// </summary>
internal sealed record DraftLink(
    FileSpot Spot, string? Code, string? Name, bool Partial, decimal? Share, bool? Primary, bool Confirmed, bool Held,
    string CodeField, string NameField, string ShareField);

/// <summary>What a reader made of the file: the draft (null when nothing could be read) and what it refused on the way.</summary>
internal sealed record DraftReading(ReorganisationDraft? Draft, IReadOnlyList<ReorganisationIssue> Issues);
