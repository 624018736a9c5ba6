namespace LicenseAllocation.Domain.Units;

/// <summary>
/// An administrative unit: an agency or a People's Committee. Units are dated rather than re-parented:
/// a reform (such as the end of the district level on 01/07/2025) ends old units with <see cref="ValidTo"/>
/// and starts new ones with <see cref="ValidFrom"/>, so a plan made under the old structure keeps its tree.
/// GSO codes are reused across reforms, so a code is only meaningful together with its validity dates.
/// </summary>
public sealed class OrganisationUnit
{
    private OrganisationUnit(string name, UnitKind kind, string? code, int? parentId, int order)
    {
        Name = name;
        Kind = kind;
        Code = code;
        ParentId = parentId;
        Order = order;
    }

    public int Id { get; private set; }

    public int? ParentId { get; private set; }

    public OrganisationUnit? Parent { get; private set; }

    public string Name { get; private set; }

    public UnitKind Kind { get; private set; }

    /// <summary>GSO code for provinces, districts and communes; agencies have none.</summary>
    public string? Code { get; private set; }

    /// <summary>Position among its siblings, as in the official list.</summary>
    public int Order { get; private set; }

    public bool IsActive { get; private set; } = true;

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>The electronic agency identifier (mã định danh điện tử, <see cref="Units.AgencyCode"/>), when one has been issued.</summary>
    public string? AgencyCode { get; private set; }

    /// <summary>The reorganisation that created the unit; null for units of the first structure.</summary>
    public int? ReorganisationId { get; private set; }

    /// <summary>Is the unit in force on <paramref name="day"/>?</summary>
    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);

    public static OrganisationUnit CreateRoot(string name, string? code, DateOnly? validFrom = null, DateOnly? validTo = null) =>
        new(RequireName(name), UnitKind.Province, NormalizeCode(code), null, 0) { ValidFrom = validFrom, ValidTo = validTo };

    public static OrganisationUnit CreateChild(OrganisationUnit parent, string name, UnitKind kind, string? code, int order)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (!UnitKindRules.CanContain(parent.Kind, kind))
        {
            throw new InvalidOperationException($"A {kind} cannot stand under a {parent.Kind}.");
        }

        return new OrganisationUnit(RequireName(name), kind, NormalizeCode(code), parent.Id == 0 ? null : parent.Id, order)
        {
            Parent = parent,
            ValidFrom = parent.ValidFrom,
            ValidTo = parent.ValidTo,
        };
    }

    /// <summary>Ends the unit on <paramref name="lastDay"/> (a reorganisation takes it over from the next day); an earlier end stays.</summary>
    public void EndOn(DateOnly lastDay)
    {
        if (ValidTo is null || ValidTo > lastDay)
        {
            ValidTo = lastDay;
        }
    }

    /// <summary>Marks the unit as created by a reorganisation.</summary>
    public void FormedBy(int reorganisationId) => ReorganisationId = reorganisationId;

    /// <summary>Sets or clears the electronic agency identifier; the caller has checked it with <see cref="Units.AgencyCode.Check"/>.</summary>
    public void IdentifyAs(string? agencyCode) => AgencyCode = Units.AgencyCode.Normalize(agencyCode);

    public void Rename(string name) => Name = RequireName(name);

    public void MoveTo(int order) => Order = order;

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static string RequireName(string name)
    {
        var normalized = UnitName.Normalize(name ?? string.Empty);
        if (normalized.Length == 0 || normalized.Length > UnitName.MaxLength)
        {
            throw new ArgumentException($"A unit name has 1 to {UnitName.MaxLength} characters.", nameof(name));
        }

        return normalized;
    }

    private static string? NormalizeCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : code.Trim();
}
