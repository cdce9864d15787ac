using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Behaviours;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Application;

public static class DependencyInjection
{
    /// <summary>Registers the mediator, every handler and validator in this assembly, and the pipeline behaviours.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddSingleton<Directory.CommunityConnectors.CommunityConnectorMenu>();
        services.Scan(scan => scan.FromAssemblyOf<AuditTrail>()
            .AddClasses(c => c.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime());
        // Every kind of one-time link the outbox mints as its message goes (docs/decisions/042).
        services.Scan(scan => scan.FromAssemblyOf<AuditTrail>()
            .AddClasses(c => c.AssignableTo<Common.Messaging.IOneTimeLinkMinter>(), publicOnly: false)
            .As<Common.Messaging.IOneTimeLinkMinter>()
            .WithScopedLifetime());

        // Only through the pipeline (ValidationBehaviour), never ASP.NET's automatic model validation (ADR 008).
        // Singletons: built once, not on every request (they hold rules and singletons only: the clock, the measure registry).
        // The few whose rules depend on who is asking (the signed-in user) are built per request.
        services.AddValidatorsFromAssemblyContaining<AuditTrail>(ServiceLifetime.Singleton, filter: v => !NeedsRequestScope(v.ValidatorType));
        services.AddValidatorsFromAssemblyContaining<AuditTrail>(ServiceLifetime.Scoped, filter: v => NeedsRequestScope(v.ValidatorType));

        // Order matters: logging wraps everything, so refused and rejected requests are timed too;
        // access is checked before input is validated, so a stranger learns nothing from messages.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(RecordAccessBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped<AuditTrail>();
        services.AddScoped<Common.Access.RecordAccess>();
        services.AddScoped<CareTeams.CareTeamEmails>();
        services.AddScoped<Space.Outings.IOutingsForCommunityMember, Volunteering.People.OutingsForSpaceMembers>(); // the space's outings, from the volunteer side (docs/decisions/041)
        return services;
    }

    /// <summary>A validator that takes a per-request service (the signed-in user, the database) cannot be a singleton.</summary>
    private static bool NeedsRequestScope(Type validator) =>
        validator.GetConstructors().SelectMany(c => c.GetParameters())
            .Any(p => p.ParameterType == typeof(Common.Interfaces.ICurrentUser) || p.ParameterType == typeof(Common.Interfaces.IApplicationDbContext));
}
