package dev.agentcredits.adapter.rest;

import java.util.List;

/**
 * The endpoints of one resource of API.md, built with exactly the input ports they serve. {@link
 * RestApi} serves the groups it is given; a new part of the API is a new group.
 */
public interface RouteGroup {
  List<Route> routes();
}
