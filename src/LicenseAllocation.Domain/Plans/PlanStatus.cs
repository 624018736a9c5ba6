namespace LicenseAllocation.Domain.Plans;

/// <summary>
/// Where a plan stands in its life cycle. Stored by name. Only a draft changes; publishing locks it, and publishing an
/// amendment of it supersedes it (it stays readable, with its frozen appendix).
/// </summary>
public enum PlanStatus
{
    Draft,
    Published,
    Superseded,
}
