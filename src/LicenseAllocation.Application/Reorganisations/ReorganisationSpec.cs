using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>
/// A reorganisation to record, its old units already found: the new root (the province) and the units directly under
/// it, each with the old units it takes over. Built from the shipped reference files or from an imported file.
/// </summary>
internal sealed record ReorganisationSpec(string Name, DateOnly EffectiveFrom, string LegalBasis, NewUnitSpec Root, IReadOnlyList<NewUnitSpec> Units);

internal sealed record NewUnitSpec(string Name, UnitKind Kind, string? Code, string? AgencyCode, IReadOnlyList<LinkSpec> FormedFrom);

/// <summary>
/// One old unit a new unit takes over: the old unit in this portal (<c>OldUnitId</c>, null for one it has never held,
/// kept by code and name), the share of a split one (null: equal parts), and whether the link is confirmed.
/// </summary>
internal sealed record LinkSpec(int? OldUnitId, string? OldCode, string OldName, decimal? Share, bool Partial, bool Confirmed);
