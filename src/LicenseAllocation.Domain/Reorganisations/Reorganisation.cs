using LicenseAllocation.Domain.Text;

namespace LicenseAllocation.Domain.Reorganisations;

/// <summary>
/// A change of the administrative structure as the law made it: its name, the day it takes effect and its legal basis.
/// The units it creates are new units valid from <see cref="EffectiveFrom"/>; the units they take over end the day
/// before. Nothing of the older structure is moved or renamed, so plans made on it keep their meaning
/// (docs/decisions/0002-dated-units.md, 0015-reorganisations-and-successor-plans.md).
/// </summary>
public sealed class Reorganisation
{
    public const int MaxNameLength = 300;
    public const int MaxLegalBasisLength = 500;

    private Reorganisation(string name, DateOnly effectiveFrom, string legalBasis, DateTime createdAtUtc, string createdBy)
    {
        Name = name;
        EffectiveFrom = effectiveFrom;
        LegalBasis = legalBasis;
        CreatedAtUtc = createdAtUtc;
        CreatedBy = createdBy;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The first day of the new structure; the old units' last day is the day before.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The act that makes the change, e.g. "Nghị quyết số 1663/NQ-UBTVQH15 ngày 16/6/2025".</summary>
    public string LegalBasis { get; private set; }

    /// <summary>The root of the new structure (the new province), whose tree holds every unit the reorganisation creates.</summary>
    public int? RootUnitId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>The old units' last day.</summary>
    public DateOnly LastDayBefore => EffectiveFrom.AddDays(-1);

    public static Reorganisation Create(string name, DateOnly effectiveFrom, string legalBasis, DateTime createdAtUtc, string createdBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(legalBasis);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        return new Reorganisation(InputText.Normalize(name)!, effectiveFrom, InputText.Normalize(legalBasis)!, createdAtUtc, createdBy);
    }

    public void RootAt(int unitId) => RootUnitId = unitId;
}
