namespace Dua.Web.SignIn;

/// <summary>The person's session has no usable token any more: they must sign in again.</summary>
public sealed class SessionExpiredException(string message) : Exception(message);
