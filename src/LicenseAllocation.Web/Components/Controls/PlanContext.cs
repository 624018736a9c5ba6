using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Plans;

namespace LicenseAllocation.Web.Components.Controls;

/// <summary>What every part of a plan's pages works on: the plan as last read, and who is looking at it.</summary>
public sealed record PlanContext(PlanSummary Plan, Caller Caller);
