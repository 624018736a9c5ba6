namespace LicenseAllocation.Domain.Plans;

public enum PlanStatus
{
    Draft,
    Published,
}
