package com.solanamafia.app.security;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** RFC 7807 bodies for the security layer (which runs before Spring MVC's problem handling). */
public class ProblemWriter {
    public void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"solana-mafia-admin\"");
        }
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
