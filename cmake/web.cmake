# The web build: app.js + app.wasm, then the static bundle (tools/bundle.py).
# Flags are chosen for size: the page is loaded casually from a handbook page.

# web_libc.cpp replaces musl's printf/scanf/strtod with what the app needs of them.
add_executable(app wasm/platform/platform_web.cpp wasm/platform/web_libc.cpp)
target_link_libraries(app PRIVATE cm_ui cm_warnings)
set_target_properties(app PROPERTIES SUFFIX ".js")
# The browser half of the platform: events, services and the accessibility layer;
# and the WebGL2 renderer (no Emscripten GL emulation is linked).
set(CM_WEB_LIBRARY "${CMAKE_CURRENT_SOURCE_DIR}/wasm/platform/web_library.js")
set(CM_WEB_RENDERER "${CMAKE_CURRENT_SOURCE_DIR}/wasm/platform/web_renderer.js")
set_property(TARGET app APPEND PROPERTY LINK_DEPENDS "${CM_WEB_LIBRARY}" "${CM_WEB_RENDERER}")
# Closure minifies app.js (names included): the native build from npm
# (google-closure-compiler-linux), pinned in package.json to the last release whose
# input language this emcc's flags name (tools/setup installs it); Debian's
# closure-compiler is too old for emcc.
set(CM_CLOSURE_COMPILER "${CMAKE_CURRENT_SOURCE_DIR}/node_modules/google-closure-compiler-linux/compiler")
if(NOT EXISTS "${CM_CLOSURE_COMPILER}")
    message(FATAL_ERROR "${CM_CLOSURE_COMPILER} is missing: run tools/setup (it installs the npm packages of package.json)")
endif()
set_property(TARGET app PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env EM_CLOSURE_COMPILER=${CM_CLOSURE_COMPILER}")
# Chromium compiles a wasm function when it first runs, whole, on the page's own
# thread, and at a cost per function and per byte. So a function with one caller is
# inlined into it only when small: a view the first frame does not draw (compare,
# plan, detail) stays a function of its own and is not compiled before it is opened.
# Tiny functions are inlined everywhere (fewer functions to compile, and smaller).
# Then, twice: the control flow rebuilt from flat code, which comes out smaller.
# tools/bench's size profile inlines no function into its one caller, so that each
# keeps its own name and origin.
set(CM_WASM_INLINING "--one-caller-inline-max-function-size=80,--always-inline-max-function-size=6")
set(CM_WASM_OPT_EXTRA "${CM_WASM_INLINING},--flatten,--rereloop,-Oz,--flatten,--rereloop,-Oz" CACHE STRING "wasm-opt options and passes after -Oz")
target_link_options(app PRIVATE
    --no-entry
    --closure 1
    "-sBINARYEN_EXTRA_PASSES=${CM_WASM_OPT_EXTRA}"
    "--js-library=${CM_WEB_LIBRARY}"
    "--js-library=${CM_WEB_RENDERER}"
    -sMODULARIZE=1
    -sEXPORT_NAME=createCareerMatrix
    -sENVIRONMENT=web
    -sFILESYSTEM=0
    -sMALLOC=emmalloc
    -sALLOW_MEMORY_GROWTH=1
    -sINITIAL_MEMORY=16MB
    -sSUPPORT_ERRNO=0
    -sDYNAMIC_EXECUTION=0          # no eval/new Function: runs under script-src 'self' 'wasm-unsafe-eval'
    -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
    -sTEXTDECODER=2
    # What the page's loader hands in (shell/loader.js): the runtime need not look for anything else.
    "-sINCOMING_MODULE_JS_API=['instantiateWasm','onFirstFrame','onFatalError','onContentHeight','onReleaseFocus']"
    "-sEXPORTED_FUNCTIONS=['_malloc','_free']"
    "-sEXPORTED_RUNTIME_METHODS=['UTF8ToString','HEAPU8']"
)

# The text versions of the frameworks come from the native core (cm-html), built
# with the machine's compiler in a sub-build: the same code, no second copy of the content.
include(ExternalProject)
ExternalProject_Add(native_tools
    SOURCE_DIR "${CMAKE_CURRENT_SOURCE_DIR}"
    BINARY_DIR "${CMAKE_BINARY_DIR}/native-tools"
    CMAKE_ARGS -DCM_TOOLS_ONLY=ON -DCMAKE_BUILD_TYPE=Release -DCMAKE_TOOLCHAIN_FILE=
    BUILD_COMMAND ${CMAKE_COMMAND} --build . --target cm-html
    BUILD_ALWAYS ON
    INSTALL_COMMAND ""
    BUILD_BYPRODUCTS "${CMAKE_BINARY_DIR}/native-tools/cm-html")
# The bundle: page, loader, app, data, fonts (subset from Debian's Inter), precompressed copies.
set(CM_BUNDLE_DIR "${CMAKE_BINARY_DIR}/bundle")
file(GLOB CM_SHELL_FILES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/shell/*")
file(GLOB CM_DATA_FILES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/data/*.json")
file(GLOB CM_ASSET_FILES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/assets/*")
find_program(CM_PYTHON python3 REQUIRED)
add_custom_command(
    OUTPUT "${CM_BUNDLE_DIR}/.stamp"
    COMMAND "${CM_PYTHON}" "${CMAKE_CURRENT_SOURCE_DIR}/tools/bundle.py"
        --out "${CM_BUNDLE_DIR}"
        --app "$<TARGET_FILE:app>"
        --source "${CMAKE_CURRENT_SOURCE_DIR}"
        --cm-html "${CMAKE_BINARY_DIR}/native-tools/cm-html"
    DEPENDS app native_tools "${CMAKE_BINARY_DIR}/native-tools/cm-html" ${CM_SHELL_FILES} ${CM_DATA_FILES} ${CM_ASSET_FILES} "${CMAKE_CURRENT_SOURCE_DIR}/tools/bundle.py"
    COMMENT "Writing the bundle to ${CM_BUNDLE_DIR}"
    VERBATIM)
add_custom_target(bundle ALL DEPENDS "${CM_BUNDLE_DIR}/.stamp")
