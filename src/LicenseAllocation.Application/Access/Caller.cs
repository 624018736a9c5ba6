using LicenseAllocation.Application.Identity;

namespace LicenseAllocation.Application.Access;

/// <summary>Who is asking. Every service call takes one, so access is decided in the service, whatever the path.</summary>
public sealed record Caller(string UserName, PortalRole Role, int? ScopeUnitId = null);
