using LicenseAllocation.Domain.Units;

namespace LicenseAllocation.Application.Reorganisations;

/// <summary>A reorganisation as listed: how many new units it creates and how many links new ← old it records.</summary>
public sealed record ReorganisationSummary(int Id, string Name, DateOnly EffectiveFrom, string LegalBasis, int? RootUnitId, int NewUnits, int Links);

/// <summary>A reorganisation with every new unit and what it was formed from.</summary>
public sealed record ReorganisationDetails(ReorganisationSummary Summary, IReadOnlyList<ReorganisationUnitView> Units);

public sealed record ReorganisationUnitView(int UnitId, string? Code, string Name, UnitKind Kind, string? AgencyCode, IReadOnlyList<FormedFromView> FormedFrom);

/// <summary>
/// One old unit a new unit was formed from: <c>UnitId</c> is null for a predecessor this portal never held; <c>Share</c>
/// is the part of a split old unit this successor takes, null for equal parts (or a whole unit).
/// </summary>
public sealed record FormedFromView(int? UnitId, string? Code, string Name, decimal? Share, bool Partial, bool Confirmed);
