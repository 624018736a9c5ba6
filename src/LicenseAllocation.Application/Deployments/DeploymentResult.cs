using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Deployments;

/// <summary>
/// The answer of a console-report use case: a value; or a <see cref="Refusal"/> (the caller may not, or the plan is
/// unknown: 403/404); or an <see cref="Issue"/> with what was sent (422, or 413 for a file too large).
/// </summary>
public sealed record DeploymentResult<T>(T? Value, AllocationError? Refusal = null, DeploymentIssue? Issue = null)
{
    public bool Succeeded => Refusal is null && Issue is null;

    public static implicit operator DeploymentResult<T>(AllocationError refusal) => new(default, refusal);

    public static implicit operator DeploymentResult<T>(DeploymentIssue issue) => new(default, null, issue);
}
