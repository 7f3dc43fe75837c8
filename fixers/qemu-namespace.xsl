<?xml version="1.0"?>
<!-- qemu-namespace: put QEMU pass-through blocks (commandline, override,
     capabilities, deprecation under <domain>) into libvirt's QEMU namespace
     with the smallest edit:
     - an undeclared prefix (<qemu:commandline> with no xmlns:qemu): the
       prefix is declared on <domain>; the elements are not touched;
     - a prefix (or default namespace) bound to a wrong URI (a trailing
       slash, https): the declaration, on <domain> or on the block itself,
       gets the right URI; the elements keep their names;
     - no prefix and no namespace (<commandline>): the block and its
       un-namespaced descendants are renamed to the prefix <domain> binds to
       the QEMU namespace, or qemu: (declared on <domain>).
     Parameters: targets, the vl:id of each block, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:libxslt="http://xmlsoft.org/XSLT/namespace"
                exclude-result-prefixes="vl libxslt">
  <xsl:param name="targets"/>

  <xsl:variable name="Q" select="'http://libvirt.org/schemas/domain/qemu/1.0'"/>
  <xsl:variable name="blocks" select="/domain/*[contains($targets, concat(' ', @vl:id, ' '))]"/>
  <xsl:variable name="undeclared" select="$blocks[namespace-uri() = '' and contains(name(), ':')]"/>
  <xsl:variable name="unprefixed" select="$blocks[namespace-uri() = '' and not(contains(name(), ':'))]"/>
  <xsl:variable name="misbound" select="$blocks[namespace-uri() != '' and namespace-uri() != $Q]"/>

  <!-- The prefix renamed blocks take: one <domain> binds to the QEMU
       namespace, or qemu. -->
  <xsl:variable name="bound" select="/domain/namespace::*[. = $Q and name() != ''][1]"/>
  <xsl:variable name="prefix">
    <xsl:choose>
      <xsl:when test="$bound">
        <xsl:value-of select="name($bound)"/>
      </xsl:when>
      <xsl:otherwise>qemu</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- A namespace node binding NAME to the QEMU namespace.  node-set() is
       libxslt's own, so virtlint need not link libexslt (and libgcrypt). -->
  <xsl:template name="qemu-ns">
    <xsl:param name="name"/>
    <xsl:variable name="holder">
      <xsl:choose>
        <xsl:when test="$name = ''">
          <xsl:element name="x" namespace="{$Q}"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:element name="{$name}:x" namespace="{$Q}"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:copy-of select="libxslt:node-set($holder)/*/namespace::*[name() = $name]"/>
  </xsl:template>

  <!-- <domain>: a declaration that binds a misbound block's prefix to its
       wrong URI is rebound to the QEMU namespace; undeclared prefixes and the
       prefix of renamed blocks are declared. -->
  <xsl:template match="/domain">
    <xsl:variable name="domain" select="."/>
    <xsl:element name="{name()}" namespace="{namespace-uri()}">
      <xsl:for-each select="namespace::*[name() != 'xml']">
        <xsl:variable name="ns" select="."/>
        <xsl:choose>
          <xsl:when test="$misbound[namespace-uri() = string($ns) and
                                    substring-before(name(), ':') = name($ns)]">
            <xsl:call-template name="qemu-ns">
              <xsl:with-param name="name" select="name($ns)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:copy-of select="."/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <!-- undeclared prefixes, each once -->
      <xsl:for-each select="$undeclared">
        <xsl:variable name="p" select="substring-before(name(), ':')"/>
        <xsl:if test="not(preceding-sibling::*[count(. | $undeclared) = count($undeclared)]
                          [substring-before(name(), ':') = $p])
                      and not($domain/namespace::*[name() = $p])">
          <xsl:call-template name="qemu-ns">
            <xsl:with-param name="name" select="$p"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$unprefixed and not($bound) and not(namespace::*[name() = $prefix])">
        <xsl:call-template name="qemu-ns">
          <xsl:with-param name="name" select="$prefix"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:element>
  </xsl:template>

  <!-- Blocks in a wrong namespace, and what they hold in that namespace:
       rebuilt in the QEMU namespace under the same name. -->
  <xsl:template match="*" mode="rebind">
    <xsl:param name="wrong"/>
    <xsl:choose>
      <xsl:when test="namespace-uri() = $wrong">
        <xsl:element name="{name()}" namespace="{$Q}">
          <xsl:apply-templates select="@*"/>
          <xsl:apply-templates select="node()" mode="rebind">
            <xsl:with-param name="wrong" select="$wrong"/>
          </xsl:apply-templates>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Blocks without a prefix, and their un-namespaced descendants: renamed
       into the QEMU namespace. -->
  <xsl:template match="*" mode="rename">
    <xsl:choose>
      <xsl:when test="namespace-uri() = '' and not(contains(name(), ':'))">
        <xsl:element name="{concat($prefix, ':', local-name())}" namespace="{$Q}">
          <xsl:apply-templates select="@*"/>
          <xsl:apply-templates select="node()" mode="rename"/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()|comment()|processing-instruction()" mode="rebind">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="text()|comment()|processing-instruction()" mode="rename">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="/domain/*">
    <xsl:choose>
      <xsl:when test="count(. | $misbound) = count($misbound)">
        <xsl:apply-templates select="." mode="rebind">
          <xsl:with-param name="wrong" select="namespace-uri()"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:when test="count(. | $unprefixed) = count($unprefixed)">
        <xsl:apply-templates select="." mode="rename"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
