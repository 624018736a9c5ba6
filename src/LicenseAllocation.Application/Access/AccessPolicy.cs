using LicenseAllocation.Application.Identity;

namespace LicenseAllocation.Application.Access;

/// <summary>
/// The one place that decides what a caller may read and change. Services ask here before every query and command,
/// whatever the path (page, API, import); pages may use it to hide what would be refused anyway, never instead.
/// </summary>
public static class AccessPolicy
{
    /// <summary>Every signed-in role sees the plans and their headline figures.</summary>
    public static bool CanReadPlans(Caller caller) => Enum.IsDefined(caller.Role);

    /// <summary>The province administrator and the auditor see the whole tree; others see their scope unit's subtree.</summary>
    public static bool SeesWholeTree(Caller caller) => caller.Role is PortalRole.ProvinceAdmin or PortalRole.Auditor;

    /// <summary>May the caller see this unit, given whether it lies in the caller's scope subtree?</summary>
    public static bool CanRead(Caller caller, bool withinScope) => SeesWholeTree(caller) || (CanReadPlans(caller) && withinScope);

    /// <summary>
    /// May the caller change this unit's quantity? A district officer hands on the district's quota to the units
    /// strictly under the district; the district's own quota is the province's to set.
    /// </summary>
    public static bool CanChangeQuantity(Caller caller, int unitId, bool withinScope) => caller.Role switch
    {
        PortalRole.ProvinceAdmin => true,
        PortalRole.DistrictOfficer => withinScope && unitId != caller.ScopeUnitId,
        _ => false,
    };

    /// <summary>Whether the caller can change quantities at all: pages use it to offer editing.</summary>
    public static bool MayEdit(Caller caller) => caller.Role is PortalRole.ProvinceAdmin or PortalRole.DistrictOfficer;

    /// <summary>
    /// May the caller add a unit under this parent? A district officer adds under their own district and below it.
    /// </summary>
    public static bool CanAddUnitUnder(Caller caller, bool parentWithinScope) => caller.Role switch
    {
        PortalRole.ProvinceAdmin => true,
        PortalRole.DistrictOfficer => parentWithinScope,
        _ => false,
    };

    /// <summary>
    /// May the caller rename, reorder, deactivate or reactivate this unit? As for quantities, a district officer works on
    /// the units strictly under the district, not on the district itself.
    /// </summary>
    public static bool CanAdministerUnit(Caller caller, int unitId, bool withinScope) => CanChangeQuantity(caller, unitId, withinScope);

    /// <summary>
    /// A draft's appendix lists every provincial agency's and district's figures still being negotiated: only for the
    /// roles that read the whole plan. A published appendix is a public official document: every reader.
    /// </summary>
    public static bool CanReadDraftAppendix(Caller caller) => SeesWholeTree(caller);

    /// <summary>
    /// May the caller state this unit's need (computers to protect) or record licences it bought itself? The unit's own
    /// people know it: the province administrator for every unit, a district officer for the district and every unit
    /// under it, a unit viewer for their own unit. The auditor never writes.
    /// </summary>
    public static bool CanStateNeed(Caller caller, int unitId, bool withinScope) => caller.Role switch
    {
        PortalRole.ProvinceAdmin => true,
        PortalRole.DistrictOfficer => withinScope,
        PortalRole.UnitViewer => unitId == caller.ScopeUnitId,
        _ => false,
    };

    /// <summary>Whether the caller can state needs and record purchases at all: pages use it to offer the entry.</summary>
    public static bool MayStateNeeds(Caller caller) => caller.Role is PortalRole.ProvinceAdmin or PortalRole.DistrictOfficer or PortalRole.UnitViewer;

    public static bool CanManageUsers(Caller caller) => caller.Role == PortalRole.ProvinceAdmin;

    /// <summary>
    /// Every role reads the audit trail: the administrator and the auditor all of it, a district officer and a unit
    /// viewer the rows of the units in their scope's subtree (the history of the figures they already see).
    /// </summary>
    public static bool CanReadAudit(Caller caller) => CanReadPlans(caller);

    /// <summary>Rows about user accounts concern no unit: only the roles that see the whole province see them.</summary>
    public static bool SeesAccountAudit(Caller caller) => SeesWholeTree(caller);

    /// <summary>The integrity check reads the whole chain, so only the roles that see all of it run it.</summary>
    public static bool CanVerifyAudit(Caller caller) => SeesWholeTree(caller);

    /// <summary>
    /// May the caller move plans through their life cycle: publish, amend, copy, describe the product? The Department
    /// issues the plan, so only the province administrator.
    /// </summary>
    public static bool CanManagePlans(Caller caller) => caller.Role == PortalRole.ProvinceAdmin;

    /// <summary>Whether an account of this role works within one unit's subtree (and so must have a scope unit).</summary>
    public static bool NeedsScope(PortalRole role) => role is PortalRole.DistrictOfficer or PortalRole.UnitViewer;

    /// <summary>Whether the caller asks for licences at all: a unit's own officers (a unit viewer, a district officer).</summary>
    public static bool MayRequest(Caller caller) => caller.Role is PortalRole.UnitViewer or PortalRole.DistrictOfficer;

    /// <summary>May the caller ask for more licences for this unit? Its own officers, for a unit in their scope.</summary>
    public static bool CanRequest(Caller caller, bool withinScope) => MayRequest(caller) && withinScope;

    /// <summary>Whether the caller decides requests at all: those who allocate (the province administrator, a district officer).</summary>
    public static bool MayDecideRequests(Caller caller) => MayEdit(caller);

    /// <summary>
    /// May the caller decide a request of a unit? Whoever allocates to it: the district officer of the district the unit
    /// stands under (<paramref name="decidingDistrictId"/>: its agencies and communes), the province administrator for
    /// units under no district (the districts themselves, provincial agencies, communes directly under the province).
    /// </summary>
    public static bool CanDecideRequest(Caller caller, int? decidingDistrictId) => caller.Role switch
    {
        PortalRole.ProvinceAdmin => decidingDistrictId is null,
        PortalRole.DistrictOfficer => decidingDistrictId is { } district && district == caller.ScopeUnitId,
        _ => false,
    };

    /// <summary>
    /// May the caller give licences of this unit back to its parent? A return only ever lowers a unit, so its own officers
    /// (a viewer or a district officer with the unit in scope) may, and the province administrator anywhere.
    /// </summary>
    public static bool CanReturn(Caller caller, bool withinScope) => caller.Role switch
    {
        PortalRole.ProvinceAdmin => true,
        PortalRole.DistrictOfficer or PortalRole.UnitViewer => withinScope,
        _ => false,
    };
}
