package org.cityops.geo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cityops.geo.internal.Basemap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives every page the map settings as one JSON string, {@code ${basemap}}, which a page with a map hands to
 * {@code /js/cityops-map.js} in the {@code data-basemap} attribute of that script's tag: the tile layers of the
 * configured basemap and their coordinate system, the boundary base, the city's centre and the legend's words in the
 * page's language. Built once per language and kind of visitor (staff also get the grid layer).
 *
 * <p>Added after the handler, to the model of a page about to be rendered — not as a {@code @ModelAttribute} of a
 * {@code @ControllerAdvice(annotations = Controller.class)}, which also matched every {@code @RestController} and so
 * ran (and matched the advice against the handler type) on each API call, about 3 % of a case intake's CPU.
 */
@Component
class MapModelAdvice implements HandlerInterceptor, WebMvcConfigurer {

    /** Message keys (messages/geo*.properties, prefix {@code map.}) the map helper shows. */
    static final String[] LABELS = {
        "legend",
        "district",
        "street",
        "grid",
        "gridInScope",
        "located",
        "casePoint",
        "picked",
        "zoomInForGrids",
        "basemap"
    };

    private final Basemap basemap;
    private final MessageSource messages;
    private final double centerLat;
    private final double centerLon;
    private final int zoom;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    MapModelAdvice(
            Basemap basemap,
            MessageSource messages,
            @Value("${cityops.map.center-lat:31.79}") double centerLat,
            @Value("${cityops.map.center-lon:119.95}") double centerLon,
            @Value("${cityops.map.zoom:11}") int zoom) {
        this.basemap = basemap;
        this.messages = messages;
        this.centerLat = centerLat;
        this.centerLon = centerLon;
        this.zoom = zoom;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** A page (a view to render, not a redirect) gets {@code basemap} unless its handler set one. */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        if (mav == null
                || mav.getView() instanceof RedirectView
                || (mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))
                || mav.getModelMap().containsAttribute("basemap")) {
            return;
        }
        mav.addObject("basemap", basemap(RequestContextUtils.getLocale(request)));
    }

    String basemap(Locale locale) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean staff = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return cache.computeIfAbsent(locale.toLanguageTag() + "|" + staff, k -> json(locale, staff));
    }

    String json(Locale locale, boolean staff) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("source", basemap.source().name().toLowerCase(Locale.ROOT));
        o.put("crs", basemap.crs().name());
        ArrayNode layers = o.putArray("layers");
        for (Basemap.Layer l : basemap.layers()) {
            ObjectNode n = layers.addObject();
            n.put("url", l.url());
            n.put("subdomains", l.subdomains());
            n.put("minNativeZoom", l.minNativeZoom());
            n.put("maxNativeZoom", l.maxNativeZoom());
            if (l.bounds() != null) {
                n.putArray("bounds")
                        .add(l.bounds()[0])
                        .add(l.bounds()[1])
                        .add(l.bounds()[2])
                        .add(l.bounds()[3]);
            }
            if (l.attribution() != null) {
                n.put("attribution", l.attribution());
            }
        }
        o.put("boundaries", "/api/v1/public/geo/boundaries");
        if (staff) {
            o.put("grids", "/api/v1/geo/grids");
        }
        o.putArray("center").add(centerLat).add(centerLon);
        o.put("zoom", zoom);
        ObjectNode labels = o.putObject("labels");
        for (String key : LABELS) {
            labels.put(key, messages.getMessage("map." + key, null, key, locale));
        }
        return o.toString();
    }
}
