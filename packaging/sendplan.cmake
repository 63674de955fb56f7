# Installing sendplan and its Debian package (CPack DEB: `make package`, docs/deploy.md).
# Included from the top CMakeLists.txt. The layout, for CMAKE_INSTALL_PREFIX=/usr as in the
# package:
#   /usr/bin/sendplan
#   /usr/share/sendplan/{web,vendor,data/boundaries,openapi.json}   found beside the program
#   /usr/share/man/man1/sendplan.1.gz                                 from the program's --help
#   /usr/share/doc/sendplan/{copyright,deploy.md,examples/nginx-sendplan.conf}
#   /lib/systemd/system/sendplan.service, /etc/sendplan/sendplan.conf (a conffile)
# and the maintainer scripts in packaging/debian (the sendplan system user, the service).

set(SENDPLAN_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" CACHE PATH "The shared/ folder")
set(SENDPLAN_DATA_DESTINATION "${CMAKE_INSTALL_DATADIR}/sendplan")
set(SENDPLAN_DOC_DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/sendplan")
# `make package` builds what the package needs, not the tests and benchmarks first.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)

# Stops `cmake --install` (and so cpack) with `message` when `path` is missing.
function(sendplan_install_requires path message)
  if(NOT EXISTS "${path}")
    install(CODE "message(FATAL_ERROR \"${path} is missing: ${message}\")")
  endif()
endfunction()

install(TARGETS sendplan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The web app, its browser libraries (npm: Leaflet, Chart.js) with their licences, the OpenAPI.
install(FILES web/index.html DESTINATION ${SENDPLAN_DATA_DESTINATION}/web)
install(DIRECTORY web/app DESTINATION ${SENDPLAN_DATA_DESTINATION}/web)
install(FILES src/server/openapi.json DESTINATION ${SENDPLAN_DATA_DESTINATION})
sendplan_install_requires("${PROJECT_SOURCE_DIR}/node_modules/leaflet/dist"
                          "run scripts/install-deps.sh (npm ci) first")
foreach(library leaflet chart.js)
  install(DIRECTORY node_modules/${library}/dist
          DESTINATION ${SENDPLAN_DATA_DESTINATION}/vendor/${library})
  install(FILES node_modules/${library}/package.json
          DESTINATION ${SENDPLAN_DATA_DESTINATION}/vendor/${library})
endforeach()
install(FILES node_modules/leaflet/LICENSE DESTINATION ${SENDPLAN_DATA_DESTINATION}/vendor/leaflet)
install(FILES node_modules/chart.js/LICENSE.md
        DESTINATION ${SENDPLAN_DATA_DESTINATION}/vendor/chart.js)

# The London borough boundaries (GLA and ONS, Open Government Licence; README.md says whose):
# the server cannot start without them.
sendplan_install_requires("${SENDPLAN_SHARED_DIR}/data/boundaries/london_boroughs_gla.geojson"
                          "put the shared folder beside the source or set SENDPLAN_SHARED_DIR")
install(DIRECTORY ${SENDPLAN_SHARED_DIR}/data/boundaries
        DESTINATION ${SENDPLAN_DATA_DESTINATION}/data
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
        DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                              WORLD_READ WORLD_EXECUTE)

# The service: the unit, its settings (a conffile), the nginx example and the documentation.
install(FILES packaging/systemd/sendplan.service DESTINATION /lib/systemd/system)
install(FILES packaging/sendplan.conf DESTINATION /etc/sendplan)
install(FILES packaging/copyright docs/deploy.md DESTINATION ${SENDPLAN_DOC_DESTINATION})
install(FILES packaging/nginx/sendplan.conf DESTINATION ${SENDPLAN_DOC_DESTINATION}/examples
        RENAME nginx-sendplan.conf)

# The man page, from the program's --help (help2man).
find_program(SENDPLAN_HELP2MAN help2man)
set(SENDPLAN_MAN_PAGE ${PROJECT_BINARY_DIR}/packaging/sendplan.1.gz)
if(SENDPLAN_HELP2MAN)
  add_custom_command(
    OUTPUT ${SENDPLAN_MAN_PAGE}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/packaging
    COMMAND ${PROJECT_SOURCE_DIR}/packaging/make-manpage.sh $<TARGET_FILE:sendplan>
            ${SENDPLAN_HELP2MAN} ${SENDPLAN_MAN_PAGE}
    DEPENDS sendplan packaging/make-manpage.sh packaging/manpage.h2m
    COMMENT "Writing the man page sendplan.1.gz"
    VERBATIM)
  add_custom_target(sendplan_man ALL DEPENDS ${SENDPLAN_MAN_PAGE})
  install(FILES ${SENDPLAN_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "help2man not found: no man page, and no package (scripts/install-deps.sh)")
  install(CODE "message(FATAL_ERROR \"help2man is missing: run scripts/install-deps.sh\")")
endif()

# The Debian package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME sendplan)
set(CPACK_PACKAGE_VENDOR "sendplan")
set(CPACK_PACKAGE_CONTACT "sendplan maintainers <sendplan@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "SEND planning and data for London boroughs: transport, placements, data, practice")
# The summary above is the first line; this is the rest.
string(CONCAT CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "sendplan is four systems for London councils' SEND services in one program, with one store "
    "(SQLite or PostgreSQL) and one web app: SEN home-to-school transport planning, the "
    "placements register for commissioners, a SEND data dashboard on the DfE's published "
    "statistics, and a repository of effective practice. This package installs the sendplan "
    "command, the web server as the systemd service sendplan.service (settings in "
    "/etc/sendplan/sendplan.conf) and the web app. See /usr/share/doc/sendplan/deploy.md.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nginx, postgresql, sqlite3")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/prerm ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# The program without its debugging information (152 MB with it, RelWithDebInfo).
set(CPACK_STRIP_FILES TRUE)
set(CPACK_PACKAGE_CHECKSUM SHA256)
include(CPack)
