using Hub.Application.Volunteering.Coordination;
using Hub.Web.Design;
using MediatR;

namespace Hub.Web.Pages.Supporter;

/// <summary>A volunteer sets their first password through the coordinator's invitation; then they sign in and add an authenticator app, as staff do.</summary>
public sealed class WelcomeModel(IMediator mediator) : FirstPasswordPage
{
    public override string Caption => "Connect and Do volunteers";
    public override string PathBeforeToken => "/volunteer/welcome/";
    public override string AfterSignIn => "/volunteer";
    public override string WhoInvites => "volunteer coordinator";

    protected override Task<bool> AcceptAsync(string token, CancellationToken cancellationToken) =>
        mediator.Send(new AcceptInvitation(token, Password, ConfirmPassword), cancellationToken);
}
