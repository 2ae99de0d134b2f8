using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Dua.DevIdentity.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Dua.DevIdentity.Endpoints;

/// <summary>
/// The development sign-in page: no passwords, a person picks who they are. In Swedish, as the web app's users are;
/// one button per configured user, named by the user's name, posting the user's id.
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/sign-in";
    public const string ReturnUrlParameter = "returnUrl";
    public const string UserField = "user";

    public static WebApplication MapSignInPage(this WebApplication app)
    {
        app.MapGet(Path, Show);
        app.MapPost(Path, SignInAsync);
        app.MapGet("/", Home);
        return app;
    }

    private static IResult Show(HttpContext context, IOptions<DevIdentityOptions> options, IAntiforgery antiforgery, [FromQuery] string? returnUrl) =>
        Page(context, options.Value, antiforgery, IsLocal(returnUrl) ? returnUrl! : "/", problem: null, StatusCodes.Status200OK);

    private static async Task<IResult> SignInAsync(
        HttpContext context, IOptions<DevIdentityOptions> options, IAntiforgery antiforgery, [FromForm] string? user, [FromForm] string? returnUrl)
    {
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        var chosen = options.Value.FindUser(user);
        if (chosen is null)
        {
            return Page(context, options.Value, antiforgery, target, "Välj en av användarna i listan.", StatusCodes.Status400BadRequest);
        }

        // The session only says who the person is; the claims are read from the configuration whenever a token is made.
        var session = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        session.AddClaim(new Claim(Claims.Subject, chosen.Subject));
        session.AddClaim(new Claim(Claims.Name, chosen.Name));
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(session));
        return Results.LocalRedirect(target);
    }

    private static IResult Home(HttpContext context, IOptions<DevIdentityOptions> options)
    {
        var html = new StringBuilder();
        Head(html, "Dua utvecklingsinloggning");
        html.Append("<main><h1>Dua utvecklingsinloggning</h1>");
        html.Append("<p>En inloggningstjänst (OpenID Connect) för utveckling och test av Dua-plattformen. ");
        html.Append("Den används av webbappen och av <code>deploy/token.sh</code>; i produktion används myndigheternas egen inloggningstjänst.</p>");
        html.Append("<p>Metadata: <a href=\"/.well-known/openid-configuration\">/.well-known/openid-configuration</a></p>");
        html.Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static IResult Page(HttpContext context, DevIdentityOptions options, IAntiforgery antiforgery, string returnUrl, string? problem, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        Head(html, "Logga in – Dua (utveckling)");
        html.Append("<main>");
        html.Append("<h1>Logga in</h1>");
        html.Append("<p>Det här är utvecklingsinloggningen för Dua. Välj vem du vill logga in som; inget lösenord behövs.</p>");
        if (problem is not null)
        {
            html.Append("<p role=\"alert\" class=\"problem\">").Append(e.Encode(problem)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"").Append(e.Encode(Path)).Append("\">");
        html.Append("<input type=\"hidden\" name=\"").Append(e.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(e.Encode(tokens.RequestToken!)).Append("\">");
        html.Append("<input type=\"hidden\" name=\"").Append(ReturnUrlParameter).Append("\" value=\"").Append(e.Encode(returnUrl)).Append("\">");
        html.Append("<fieldset><legend><h2>Användare</h2></legend><ul>");
        foreach (var user in options.Users)
        {
            var described = $"user-{user.Id}-description";
            html.Append("<li><button type=\"submit\" name=\"").Append(UserField).Append("\" value=\"").Append(e.Encode(user.Id))
                .Append("\" id=\"user-").Append(e.Encode(user.Id)).Append("\" aria-describedby=\"").Append(e.Encode(described)).Append("\">")
                .Append(e.Encode(user.Name)).Append("</button> <span id=\"").Append(e.Encode(described)).Append("\">")
                .Append(e.Encode(Describe(user))).Append("</span></li>");
        }

        html.Append("</ul></fieldset></form></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    private static string Describe(DevIdentityUser user)
    {
        var role = user.Role switch
        {
            Dua.Security.Roles.Agency => "myndighet",
            Dua.Security.Roles.RegionalOffice => "regionkontor",
            _ => "drift",
        };
        return $"{user.Organisation}, {role}, områden: {string.Join(", ", user.Areas)}";
    }

    private static void Head(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(HtmlEncoder.Default.Encode(title)).Append("</title>");
        html.Append("<style>");
        html.Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fff;max-width:48rem}");
        html.Append("fieldset{border:none;padding:0}legend h2{margin:1rem 0 .5rem}ul{list-style:none;padding:0}li{margin:.5rem 0}");
        html.Append("button{font:inherit;padding:.5rem 1rem;min-width:18rem;text-align:left;background:#00529b;color:#fff;border:2px solid #00529b;border-radius:4px;cursor:pointer}");
        html.Append("button:hover{background:#003d73}button:focus-visible{outline:3px solid #d4351c;outline-offset:2px}");
        html.Append("a{color:#00529b}.problem{color:#a00;font-weight:bold}");
        html.Append("</style></head><body>");
    }

    // Only back to this provider: an absolute or protocol-relative address would make the page an open redirect.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'));
}
