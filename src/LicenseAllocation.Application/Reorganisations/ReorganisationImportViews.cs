using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// A reorganisation file as it would be recorded: the reorganisation, each new unit with the old units it takes over
/// (each found in the portal, or kept by code and name when the portal never held it), and how many old units (with
/// what stands under them) end the day before. Shown for a dry run, and beside the problems of a refused file.
/// </summary>
public sealed record ReorganisationPreview(string? Name, string? LegalBasis, DateOnly? EffectiveFrom, IReadOnlyList<ImportedUnitView> Units, int EndingUnits);

/// <summary>A new unit of the file; <c>Row</c> is its row in the workbook or its line in the JSON file.</summary>
public sealed record ImportedUnitView(int? Row, string? Sheet, UnitKind Kind, string? Code, string Name, string? AgencyCode, IReadOnlyList<ImportedLinkView> FormedFrom);

/// <summary>One old unit a new unit takes over: <c>OldUnitId</c> is the portal's unit (null when not found or not held).</summary>
public sealed record ImportedLinkView(int? Row, int? OldUnitId, string? Code, string Name, decimal? Share, bool Partial, bool Confirmed, bool Held);

/// <summary>
/// What an import of a reorganisation file gave: the preview, the problems (nothing is recorded when there is one), and —
/// once recorded — the reorganisation as the portal now holds it.
/// </summary>
public sealed record ReorganisationImportReport(ReorganisationPreview? Preview, IReadOnlyList<ReorganisationIssue> Issues, ReorganisationDetails? Recorded)
{
    public bool Applied => Recorded is not null;
}
